/**
 * What a red-team attack talks to. {@link org.redteam4j.core.chat.ChatModel} is the one SPI
 * every runtime implements (in the {@code models} module), with its request, response, sampling
 * and usage records. A failed call is a {@link org.redteam4j.core.chat.ChatModelException}, an
 * {@link org.redteam4j.core.failure.ExternalFailure} split into retriable and non-retriable
 * branches. A model declining to help is a reply, never an exception.
 */
package org.redteam4j.core.chat;
