package org.redteam4j.app.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.redteam4j.app.workbench.CampaignExports;
import org.redteam4j.app.workbench.Principal;
import org.redteam4j.app.workbench.Workbench;

/**
 * Sends a campaign's export whole or not at all: it is written to a temporary file first, so an
 * export that fails midway answers with an error instead of a cut-off file under status 200; the
 * file is deleted once sent.
 */
final class ExportDownloads {

    private ExportDownloads() {
    }

    /** @param fileName the download's suggested name, or null to send the text without one */
    static void send(Context ctx, Workbench workbench, Principal admin, long campaignId, CampaignExports.Kind kind,
                     boolean includeAbandoned, String fileName) throws IOException {
        Path file = Files.createTempFile("redteam4j-export-", ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(file)) {
                workbench.exports().write(admin, campaignId, kind, includeAbandoned, out);
            }
            ctx.contentType(kind.contentType() + "; charset=utf-8");
            if (fileName != null) {
                ctx.header("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
            }
            ctx.result(deletedOnClose(file));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    private static InputStream deletedOnClose(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        return new java.io.FilterInputStream(in) {
            @Override
            public void close() throws IOException {
                try {
                    super.close();
                } finally {
                    try {
                        Files.deleteIfExists(file);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        };
    }
}
