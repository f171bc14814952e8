package io.vigil.examples.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** A {@link DemoNode} JVM seen from its parent: start, ask, kill -9, SIGSTOP/SIGCONT. */
public final class NodeProcess implements AutoCloseable {
    final String name;
    private final List<String> command;
    private final Path log;
    private final Consumer<String> events;
    private Process process;
    private Writer stdin;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    /**
     * @param events receives every {@code EVENT} line, on a reader thread
     */
    public NodeProcess(String cluster, String name, Path dataDir, List<String> allNodes, int port, String hosts,
                       String profile, Path keyFile, Path log, Consumer<String> events) {
        this.name = name;
        this.log = log;
        this.events = events;
        List<String> cmd = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.net.preferIPv4Stack=true", "-XX:TieredStopAtLevel=1", "-Xmx256m",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", System.getProperty("java.class.path"), DemoNode.class.getName(), cluster, name,
                dataDir.toString(), String.join(",", allNodes), Integer.toString(port), hosts, profile));
        if (keyFile != null) {
            cmd.add(keyFile.toString());
        }
        command = List.copyOf(cmd);
    }

    public NodeProcess start() throws IOException {
        lines.clear();
        Files.createDirectories(log.toAbsolutePath().getParent());
        process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Process p = process;
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.startsWith("EVENT ")) {
                        events.accept(name + " " + line.substring(6));
                    } else {
                        lines.add(line);
                    }
                }
            } catch (IOException e) {
                // the process died
            }
        }, "reader-" + name);
        reader.setDaemon(true);
        reader.start();
        return this;
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** Sends a command and waits for the first output line that {@code answer} accepts; null on timeout. */
    public synchronized String ask(String cmd, Predicate<String> answer, long timeoutMs) {
        try {
            lines.removeIf(answer);
            stdin.write(cmd + "\n");
            stdin.flush();
            long end = System.currentTimeMillis() + timeoutMs;
            while (System.currentTimeMillis() < end) {
                String l = lines.poll(50, TimeUnit.MILLISECONDS);
                if (l != null && answer.test(l)) {
                    return l;
                }
            }
            return null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The parsed STATUS line; empty if the process does not answer within 3 s. */
    public Map<String, String> status() {
        Map<String, String> m = new TreeMap<>();
        String l = ask("status", s -> s.startsWith("STATUS "), 3_000);
        if (l == null) {
            return m;
        }
        for (String kv : l.substring(7).split(" ")) {
            int i = kv.indexOf('=');
            m.put(kv.substring(0, i), kv.substring(i + 1));
        }
        return m;
    }

    /** Adds a resource through this node; returns the ADDED or FAILED line. */
    public String add(String id) {
        String l = ask("add " + id, s -> s.startsWith("ADDED " + id + " ") || s.startsWith("FAILED " + id + " "),
                40_000);
        return l == null ? "FAILED " + id + " no answer" : l;
    }

    public void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    public void signal(String sig) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-" + sig, Long.toString(process.pid())).start().waitFor(5, TimeUnit.SECONDS);
    }

    /** Clean shutdown: the node leaves the cluster; falls back to kill -9 after 10 s. */
    public void quit() throws InterruptedException {
        if (!alive()) {
            return;
        }
        ask("quit", s -> s.startsWith("BYE"), 10_000);
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            kill9();
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            try {
                signal("CONT");
            } catch (IOException e) {
                // best effort
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process.destroyForcibly();
        }
    }

    /** A base port with {@code count} free ports above it, and their FD_SOCK2 twins (+100) free too. */
    public static int freePorts(int count) {
        for (int attempt = 0; attempt < 100; attempt++) {
            int base = 20_000 + ThreadLocalRandom.current().nextInt(30_000);
            boolean ok = true;
            for (int i = 0; i < count && ok; i++) {
                ok = free(base + i) && free(base + 100 + i);
            }
            if (ok) {
                return base;
            }
        }
        throw new IllegalStateException("no free ports found on 127.0.0.1");
    }

    private static boolean free(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
