package org.prisonwatch.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import jakarta.inject.Inject;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.concurrent.CompletionException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveResourceInfo;
import org.jboss.resteasy.reactive.server.spi.ServerHttpResponse;
import org.jboss.resteasy.reactive.server.spi.ServerMessageBodyWriter;
import org.jboss.resteasy.reactive.server.spi.ServerRequestContext;

/**
 * Writes a page as JSON, and one that fits the response's output buffer as one array handed to the connection in
 * one call. Quarkus's own JSON writer streams every response: Jackson writes each record's kept JSON straight
 * through once it outgrows Jackson's 8,000-byte buffer, and the response stream takes a pooled direct buffer for
 * each of those writes, some fifty for a page of 50 incidents. A page larger than the output buffer (a feed page
 * of 500, or a page of long records) is sent in pieces of that size, one written before the next is made, so no
 * response holds more than two of them. Same mapper, so the same JSON. Unlike Quarkus's writer it applies no
 * {@code @JsonView} or {@code @CustomSerialization} of the resource method: what a caller may see is decided by the
 * gate before a page exists, never by serialization.
 *
 * <p>A page that fails while it is written (a record that cannot be serialized, a client gone) is never ended as if
 * it were whole: before anything has left, the failure becomes a 500 problem; after part of it has left with its
 * 200, the connection is broken off, so the client sees a transfer that did not finish.
 */
@Provider
@Produces(MediaType.APPLICATION_JSON)
public class PageBodyWriter implements ServerMessageBodyWriter<PageBody> {

    private static final Logger LOG = Logger.getLogger(PageBodyWriter.class);

    private final ObjectWriter writer;
    private final int whole;

    @Inject
    public PageBodyWriter(ObjectMapper mapper, @ConfigProperty(name = "quarkus.rest.output-buffer-size") int whole) {
        // the stream is ours to close: on a failure Jackson would flush and close it, ending a half-written page
        // as a complete 200
        this.writer = mapper.writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .without(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
        this.whole = whole;
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, ResteasyReactiveResourceInfo target,
            MediaType mediaType) {
        return PageBody.class.isAssignableFrom(type);
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return PageBody.class.isAssignableFrom(type);
    }

    @Override
    public void writeResponse(PageBody page, Type genericType, ServerRequestContext context) throws IOException {
        ServerHttpResponse response = context.serverResponse();
        InPieces out = new InPieces(whole, response);
        try {
            writer.writeValue(out, page);
        } catch (IOException | RuntimeException failure) {
            if (!out.sentAny) {
                // nothing has left: the exception mappers answer it as any failure of a GET (a 500 problem)
                throw failure;
            }
            if (failure instanceof JsonProcessingException) {
                LOG.error("A page failed after part of it was sent; its connection is broken off", failure);
            } else {
                LOG.debugf(failure, "A page could not be sent whole; its connection is broken off");
            }
            // the framework's own stream was never opened, so nothing ends this response after the break
            response.reset();
            return;
        }
        if (out.sentAny) {
            out.sendKept();
            response.end();
        } else {
            response.end(out.kept());
        }
    }

    @Override
    public void writeTo(PageBody page, Class<?> type, Type genericType, Annotation[] annotations,
            MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
        writer.writeValue(out, page);
    }

    /**
     * Bytes kept in one array up to a limit; past it, sent in pieces of that size straight to the response, each
     * written before the next is taken (the connection's pace). Not through the framework's output stream: the
     * framework closes that stream when the request ends, which would end a broken-off page with the chunked body's
     * last chunk, as if it were whole.
     */
    private static final class InPieces extends OutputStream {

        private final int limit;
        private final ServerHttpResponse response;
        private byte[] kept = new byte[16 * 1024];
        private int count;
        private boolean sentAny;

        InPieces(int limit, ServerHttpResponse response) {
            this.limit = limit;
            this.response = response;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            while (length > 0) {
                if (count == limit) {
                    sendKept();
                }
                if (count == kept.length) {
                    kept = Arrays.copyOf(kept, Math.min(limit, Math.max(2 * kept.length, count + length)));
                }
                int taken = Math.min(length, kept.length - count);
                System.arraycopy(bytes, offset, kept, count, taken);
                count += taken;
                offset += taken;
                length -= taken;
            }
        }

        /** The bytes kept so far, as one array of their length. */
        byte[] kept() {
            return count == kept.length ? kept : Arrays.copyOf(kept, count);
        }

        /** Sends what is kept as the next piece of a chunked body, and waits until it is written. */
        void sendKept() throws IOException {
            if (!sentAny) {
                response.setChunked(true);
                sentAny = true;
            }
            if (count == 0) {
                return;
            }
            byte[] piece = kept();
            kept = new byte[kept.length];
            count = 0;
            try {
                response.write(piece).toCompletableFuture().join();
            } catch (CompletionException e) {
                throw new IOException("The connection failed while a page was sent", e.getCause());
            }
        }
    }
}
