package io.echain.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import redis.embedded.RedisServer;

/** A real Redis server (binary shipped in a Maven artifact) on a free loopback port, one per JVM. */
public final class EmbeddedRedis {

    private static RedisServer server;
    private static int port;

    private EmbeddedRedis() {}

    public static synchronized String url() {
        if (server == null) {
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            try {
                server = RedisServer.newRedisServer()
                        .port(port)
                        .setting("bind 127.0.0.1")
                        .setting("save \"\"")
                        .setting("appendonly no")
                        .build();
                server.start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            RedisServer started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.stop();
                } catch (IOException ignored) {
                    // the JVM is exiting
                }
            }));
        }
        return "redis://127.0.0.1:" + port;
    }
}
