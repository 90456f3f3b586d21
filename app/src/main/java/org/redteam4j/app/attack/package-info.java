/** {@code redteam4j attack}: campaign files, their plan, the run, and its reports (summary, JSON, JUnit XML). */
package org.redteam4j.app.attack;
