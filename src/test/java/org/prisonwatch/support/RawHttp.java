package org.prisonwatch.support;

import io.restassured.RestAssured;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * HTTP/1.1 over a plain socket, for what HTTP clients will not do on purpose: send half a request, trickle a body,
 * or keep writing while the server has already answered.
 */
public final class RawHttp implements AutoCloseable {

    private final Socket socket;
    private final CompletableFuture<Reply> reply;

    /** What the server sent before it closed the connection, or before the wait ran out. */
    public record Reply(String text, boolean closed, Duration after) {

        public int status() {
            return text.startsWith("HTTP/1.1 ") ? Integer.parseInt(text.substring(9, 12)) : -1;
        }

        public String body() {
            int start = text.indexOf("\r\n\r\n");
            return start < 0 ? "" : text.substring(start + 4);
        }
    }

    private RawHttp(Duration wait) throws IOException {
        socket = new Socket("localhost", RestAssured.port);
        socket.setSoTimeout((int) wait.toMillis());
        long start = System.nanoTime();
        // the reader runs from the start, so an early answer is read before the server closes the connection
        reply = CompletableFuture.supplyAsync(() -> read(start));
    }

    /** Opens a connection whose answer is awaited for at most the given time. */
    public static RawHttp open(Duration wait) throws IOException {
        return new RawHttp(wait);
    }

    /** Writes text; false when the server has closed the connection (the rest cannot be sent). */
    public boolean send(String text) {
        return send(text.getBytes(StandardCharsets.UTF_8));
    }

    public boolean send(byte[] bytes) {
        try {
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
            return true;
        } catch (IOException closedByServer) {
            return false;
        }
    }

    public Reply reply() {
        return reply.join();
    }

    private Reply read(long start) {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        boolean closed;
        try {
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                received.write(buffer, 0, n);
                if (complete(received.toString(StandardCharsets.ISO_8859_1))) {
                    break;
                }
            }
            closed = n < 0;
        } catch (SocketTimeoutException stillOpen) {
            closed = false;
        } catch (IOException reset) {
            closed = true;
        }
        return new Reply(received.toString(StandardCharsets.UTF_8), closed,
                Duration.ofNanos(System.nanoTime() - start));
    }

    /** A whole response with a Content-Length has arrived; waiting on would only wait for the connection. */
    private static boolean complete(String text) {
        int headEnd = text.indexOf("\r\n\r\n");
        if (headEnd < 0) {
            return false;
        }
        String head = text.substring(0, headEnd).toLowerCase();
        int at = head.indexOf("content-length:");
        if (at < 0) {
            return false;
        }
        int lineEnd = head.indexOf("\r\n", at);
        long length = Long.parseLong(head.substring(at + 15, lineEnd < 0 ? head.length() : lineEnd).strip());
        return text.length() - headEnd - 4 >= length;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
