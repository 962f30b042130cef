package dev.gantry.control.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * The audit log's export: every event a query takes, newest first, one JSON object per line (JSON
 * Lines, {@code application/x-ndjson}), the fields as the REST API lists them. A file of it greps,
 * and loads into anything that reads JSON a line at a time.
 */
@ApplicationScoped
public class AuditJsonLines {

    public static final String MEDIA_TYPE = "application/x-ndjson";

    private final AuditLog audit;
    private final ObjectMapper json;

    AuditJsonLines(AuditLog audit, ObjectMapper json) {
        this.audit = audit;
        this.json = json;
    }

    public void write(AuditQuery query, OutputStream out) throws IOException {
        try {
            audit.export(query, entry -> {
                try {
                    out.write(json.writeValueAsBytes(entry));
                    out.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        out.flush();
    }
}
