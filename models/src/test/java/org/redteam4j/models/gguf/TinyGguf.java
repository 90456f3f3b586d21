package org.redteam4j.models.gguf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes a tiny llama-architecture GGUF file with random weights and a byte-level SentencePiece
 * vocabulary (the three control tokens and 256 byte tokens), so that the real llama.cpp runtime
 * can be exercised without downloading a model. The format follows the GGUF v3 specification.
 */
public final class TinyGguf {

    static final int VOCAB = 3 + 256;
    static final int EMBEDDING = 32;
    static final int HEADS = 4;
    static final int FEED_FORWARD = 64;
    static final int LAYERS = 2;
    public static final int CONTEXT = 256;

    private static final int ALIGNMENT = 32;
    private static final int TYPE_UINT32 = 4;
    private static final int TYPE_INT32 = 5;
    private static final int TYPE_FLOAT32 = 6;
    private static final int TYPE_BOOL = 7;
    private static final int TYPE_STRING = 8;
    private static final int TYPE_ARRAY = 9;
    private static final int GGML_F32 = 0;
    private static final int TOKEN_NORMAL = 1;
    private static final int TOKEN_UNKNOWN = 2;
    private static final int TOKEN_CONTROL = 3;
    private static final int TOKEN_BYTE = 6;

    private TinyGguf() {
    }

    public static Path write(Path file, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, long[]> shapes = new LinkedHashMap<>();
        shapes.put("token_embd.weight", new long[] {EMBEDDING, VOCAB});
        shapes.put("output_norm.weight", new long[] {EMBEDDING});
        shapes.put("output.weight", new long[] {EMBEDDING, VOCAB});
        for (int layer = 0; layer < LAYERS; layer++) {
            String block = "blk." + layer + ".";
            shapes.put(block + "attn_norm.weight", new long[] {EMBEDDING});
            shapes.put(block + "attn_q.weight", new long[] {EMBEDDING, EMBEDDING});
            shapes.put(block + "attn_k.weight", new long[] {EMBEDDING, EMBEDDING});
            shapes.put(block + "attn_v.weight", new long[] {EMBEDDING, EMBEDDING});
            shapes.put(block + "attn_output.weight", new long[] {EMBEDDING, EMBEDDING});
            shapes.put(block + "ffn_norm.weight", new long[] {EMBEDDING});
            shapes.put(block + "ffn_gate.weight", new long[] {EMBEDDING, FEED_FORWARD});
            shapes.put(block + "ffn_down.weight", new long[] {FEED_FORWARD, EMBEDDING});
            shapes.put(block + "ffn_up.weight", new long[] {EMBEDDING, FEED_FORWARD});
        }

        Writer header = new Writer();
        header.bytes("GGUF".getBytes(StandardCharsets.US_ASCII));
        header.u32(3);
        header.u64(shapes.size());
        List<Runnable> metadata = metadata(header);
        header.u64(metadata.size());
        metadata.forEach(Runnable::run);

        long offset = 0;
        List<float[]> tensors = new ArrayList<>();
        for (Map.Entry<String, long[]> tensor : shapes.entrySet()) {
            long[] shape = tensor.getValue();
            header.string(tensor.getKey());
            header.u32(shape.length);
            long elements = 1;
            for (long dimension : shape) {
                header.u64(dimension);
                elements *= dimension;
            }
            header.u32(GGML_F32);
            header.u64(offset);
            float[] values = new float[(int) elements];
            boolean norm = tensor.getKey().endsWith("norm.weight");
            for (int i = 0; i < values.length; i++) {
                values[i] = norm ? 1f : (float) (random.nextDouble(-1, 1) * 0.08);
            }
            tensors.add(values);
            offset += align(elements * 4L);
        }
        header.pad();
        for (float[] values : tensors) {
            ByteBuffer buffer = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
            for (float value : values) {
                buffer.putFloat(value);
            }
            header.bytes(buffer.array());
            header.pad();
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            header.out.writeTo(out);
        }
        return file;
    }

    private static List<Runnable> metadata(Writer w) {
        List<Runnable> entries = new ArrayList<>();
        entries.add(() -> w.kvString("general.architecture", "llama"));
        entries.add(() -> w.kvString("general.name", "redteam4j tiny random model"));
        entries.add(() -> w.kvU32("general.alignment", ALIGNMENT));
        entries.add(() -> w.kvU32("llama.context_length", CONTEXT));
        entries.add(() -> w.kvU32("llama.embedding_length", EMBEDDING));
        entries.add(() -> w.kvU32("llama.block_count", LAYERS));
        entries.add(() -> w.kvU32("llama.feed_forward_length", FEED_FORWARD));
        entries.add(() -> w.kvU32("llama.attention.head_count", HEADS));
        entries.add(() -> w.kvU32("llama.attention.head_count_kv", HEADS));
        entries.add(() -> w.kvU32("llama.rope.dimension_count", EMBEDDING / HEADS));
        entries.add(() -> w.kvF32("llama.attention.layer_norm_rms_epsilon", 1e-5f));
        entries.add(() -> w.kvU32("llama.vocab_size", VOCAB));
        entries.add(() -> w.kvString("tokenizer.ggml.model", "llama"));
        entries.add(() -> {
            w.key("tokenizer.ggml.tokens");
            w.u32(TYPE_ARRAY);
            w.u32(TYPE_STRING);
            w.u64(VOCAB);
            w.string("<unk>");
            w.string("<s>");
            w.string("</s>");
            for (int b = 0; b < 256; b++) {
                w.string(String.format("<0x%02X>", b));
            }
        });
        entries.add(() -> {
            w.key("tokenizer.ggml.scores");
            w.u32(TYPE_ARRAY);
            w.u32(TYPE_FLOAT32);
            w.u64(VOCAB);
            for (int i = 0; i < VOCAB; i++) {
                w.f32(0f);
            }
        });
        entries.add(() -> {
            w.key("tokenizer.ggml.token_type");
            w.u32(TYPE_ARRAY);
            w.u32(TYPE_INT32);
            w.u64(VOCAB);
            w.i32(TOKEN_UNKNOWN);
            w.i32(TOKEN_CONTROL);
            w.i32(TOKEN_CONTROL);
            for (int b = 0; b < 256; b++) {
                w.i32(TOKEN_BYTE);
            }
        });
        entries.add(() -> w.kvU32("tokenizer.ggml.unknown_token_id", 0));
        entries.add(() -> w.kvU32("tokenizer.ggml.bos_token_id", 1));
        entries.add(() -> w.kvU32("tokenizer.ggml.eos_token_id", 2));
        entries.add(() -> w.kvBool("tokenizer.ggml.add_bos_token", true));
        entries.add(() -> w.kvBool("tokenizer.ggml.add_eos_token", false));
        return entries;
    }

    private static long align(long size) {
        return (size + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
    }

    /** Little-endian primitives of the GGUF format. */
    private static final class Writer {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();

        void bytes(byte[] b) {
            out.write(b, 0, b.length);
        }

        void u32(long v) {
            bytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) v).array());
        }

        void i32(int v) {
            u32(v);
        }

        void u64(long v) {
            bytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array());
        }

        void f32(float v) {
            bytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putFloat(v).array());
        }

        void string(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            u64(b.length);
            bytes(b);
        }

        void key(String k) {
            string(k);
        }

        void kvString(String k, String v) {
            key(k);
            u32(TYPE_STRING);
            string(v);
        }

        void kvU32(String k, long v) {
            key(k);
            u32(TYPE_UINT32);
            u32(v);
        }

        void kvF32(String k, float v) {
            key(k);
            u32(TYPE_FLOAT32);
            f32(v);
        }

        void kvBool(String k, boolean v) {
            key(k);
            u32(TYPE_BOOL);
            out.write(v ? 1 : 0);
        }

        void pad() {
            while (out.size() % ALIGNMENT != 0) {
                out.write(0);
            }
        }
    }
}
