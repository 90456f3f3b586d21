package org.redteam4j.models.pm;

/** ONNX Runtime could not embed a text, or the run was interrupted: a fault of the run, not of the input. */
public final class EmbeddingFailure extends RuntimeException {

    public EmbeddingFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
