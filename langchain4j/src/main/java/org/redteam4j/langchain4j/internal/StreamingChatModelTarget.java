package org.redteam4j.langchain4j.internal;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.redteam4j.api.ChatTarget;
import org.redteam4j.api.Reply;
import org.redteam4j.api.Turn;

/**
 * A LangChain4j {@link StreamingChatModel} as a target: the partial responses are collected and the
 * call returns when the model completes, fails with the model's error, or fails after the timeout
 * (the stream is then left to end on its own: LangChain4j 1.0's handler has no way to cancel it).
 */
public final class StreamingChatModelTarget implements ChatTarget {

    private final StreamingChatModel model;
    private final Duration timeout;

    public StreamingChatModelTarget(StreamingChatModel model, Duration timeout) {
        this.model = model;
        this.timeout = timeout;
    }

    @Override
    public Reply reply(List<Turn> conversation) throws Exception {
        ChatRequest request = ChatRequest.builder().messages(LangChain4jMessages.messages(conversation)).build();
        StringBuffer streamed = new StringBuffer(); // the model's threads append, this one reads
        CompletableFuture<ChatResponse> complete = new CompletableFuture<>();
        model.chat(request, new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String partialResponse) {
                if (partialResponse != null) {
                    streamed.append(partialResponse);
                }
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                complete.complete(response);
            }

            @Override
            public void onError(Throwable error) {
                complete.completeExceptionally(error);
            }
        });
        ChatResponse response;
        try {
            response = complete.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception exception) {
                throw exception;
            }
            throw e;
        } catch (TimeoutException e) {
            throw new TimeoutException("the streaming model did not complete its reply within " + timeout
                    + " (" + streamed.length() + " characters received)");
        }
        return LangChain4jMessages.reply(response, streamed.toString());
    }

    @Override
    public String toString() {
        return "LangChain4j " + model.getClass().getSimpleName() + " (streaming)";
    }
}
