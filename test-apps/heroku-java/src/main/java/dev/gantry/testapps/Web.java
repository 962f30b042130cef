package dev.gantry.testapps;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** Answers with the Java version it runs on, the greeting the build filtered in, and that target/ is there. */
public final class Web {

    public static void main(String[] args) throws IOException {
        Properties greeting = new Properties();
        try (InputStream in = Web.class.getResourceAsStream("/greeting.properties")) {
            greeting.load(in);
        }
        String body = "hello from heroku-java on Java " + Runtime.version().feature() + ": "
                + greeting.getProperty("greeting") + "; target/classes is "
                + (Files.isDirectory(Path.of("target/classes")) ? "here" : "missing") + "\n";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpServer server = HttpServer.create(new InetSocketAddress(Integer.parseInt(System.getenv("PORT"))), 0);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }
}
