package dev.omnigate.gateway.audit;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Appends each record as one JSON line to a file, flushed per record (several gateways need several files, or Redis). */
public final class FileAuditSink implements AuditSink {

    private final Path file;
    private final BufferedWriter writer;

    /**
     * @throws IllegalStateException when the file cannot be opened for appending (startup then fails, naming it)
     */
    public FileAuditSink(Path file) {
        this.file = file;
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            this.writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new IllegalStateException("omnigate.audit.file: cannot open " + file + " for appending (" + e.getClass().getSimpleName()
                    + "); set omnigate.audit.file to a writable path or omnigate.audit.sink to log or redis");
        }
    }

    @Override
    public synchronized void write(PiiAuditRecord record) {
        try {
            writer.write(AuditJson.line(record));
            writer.write('\n');
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("the audit file " + file + " cannot be written", e);
        }
    }

    @Override
    public String describe() {
        return "file " + file;
    }

    @Override
    public synchronized void close() {
        try {
            writer.close();
        } catch (IOException ignored) {
            // closing at shutdown: every record was flushed when written
        }
    }
}
