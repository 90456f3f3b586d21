package org.redteam4j.bench;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.LongBuffer;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.redteam4j.models.pm.Embedder;

/**
 * The machine's limit for an embedding model: ONNX Runtime's batched throughput on given model
 * inputs — sorted by length, 32 per run padded to the longest, one session using every core.
 */
final class BatchedOnnx implements AutoCloseable {

    private static final int BATCH = 32;

    private final OrtEnvironment environment = OrtEnvironment.getEnvironment();
    private final OrtSession session;

    BatchedOnnx(Embedder.Kind kind) throws IOException, OrtException {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setIntraOpNumThreads(Runtime.getRuntime().availableProcessors());
        options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        try (InputStream model = kind.openModel()) {
            session = environment.createSession(model.readAllBytes(), options);
        }
    }

    /** Runs every input once; returns the seconds it took. */
    double seconds(List<long[]> inputs) throws OrtException {
        long[][] sorted = inputs.toArray(long[][]::new);
        Arrays.sort(sorted, Comparator.comparingInt(ids -> ids.length));
        long started = System.nanoTime();
        for (int start = 0; start < sorted.length; start += BATCH) {
            long[][] batch = Arrays.copyOfRange(sorted, start, Math.min(sorted.length, start + BATCH));
            int length = batch[batch.length - 1].length;
            long[] ids = new long[batch.length * length];
            long[] mask = new long[ids.length];
            for (int row = 0; row < batch.length; row++) {
                System.arraycopy(batch[row], 0, ids, row * length, batch[row].length);
                Arrays.fill(mask, row * length, row * length + batch[row].length, 1L);
            }
            long[] shape = {batch.length, length};
            Map<String, OnnxTensor> feed = new HashMap<>();
            try {
                feed.put("input_ids", OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape));
                feed.put("attention_mask", OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape));
                if (session.getInputNames().contains("token_type_ids")) {
                    feed.put("token_type_ids", OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[ids.length]), shape));
                }
                session.run(feed).close();
            } finally {
                feed.values().forEach(OnnxTensor::close);
            }
        }
        return (System.nanoTime() - started) / 1e9;
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }
}
