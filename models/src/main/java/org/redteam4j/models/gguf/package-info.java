/**
 * {@code gguf:PATH}: in-process inference on a GGUF model file with llama.cpp, through the
 * {@code de.kherud:llama} binding (which bundles the native library).
 */
package org.redteam4j.models.gguf;
