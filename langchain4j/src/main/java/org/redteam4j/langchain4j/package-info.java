/**
 * An application's own LangChain4j models as redteam4j targets, in this JVM:
 * {@link org.redteam4j.langchain4j.LangChain4jTargets#of(dev.langchain4j.model.chat.ChatModel)}, or
 * {@code Targets.from(model)} with this jar on the class path. Whatever the model object carries (its
 * listeners, its HTTP client, the provider's settings) stays in the loop. Only this package is API;
 * {@code org.redteam4j.langchain4j.internal} may change in any release.
 */
package org.redteam4j.langchain4j;
