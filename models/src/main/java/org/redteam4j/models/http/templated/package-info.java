/**
 * The {@code http} runtime: an application behind any HTTP API (a support bot, a RAG service),
 * reached through a request template with {@code {{variables}}}, read back through a reply path
 * (JSONPath, {@code regex:} or {@code header:}), with one server-side session per conversation.
 */
package org.redteam4j.models.http.templated;
