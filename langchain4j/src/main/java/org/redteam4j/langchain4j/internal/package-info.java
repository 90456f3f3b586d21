/** How LangChain4j models answer as redteam4j targets; not API: it may change in any release. */
package org.redteam4j.langchain4j.internal;
