package io.vigil.core.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/** A {@link ClusterProcessMain} JVM seen from the test: start, ask, kill -9, SIGSTOP/SIGCONT. */
final class ClusterProcess implements AutoCloseable {
    final String name;
    private final List<String> command;
    private Process process;
    private Writer stdin;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    final List<String> events = new java.util.concurrent.CopyOnWriteArrayList<>();

    ClusterProcess(String cluster, String name, Path dir, List<String> allNodes, int port, String hosts) {
        this.name = name;
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.net.preferIPv4Stack=true", "-XX:TieredStopAtLevel=1", "-Xss4m", "-Xmx256m",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=error",
                "-cp", cp, ClusterProcessMain.class.getName(), cluster, name, dir.toString(),
                String.join(",", allNodes), Integer.toString(port), hosts);
    }

    ClusterProcess start() throws IOException {
        lines.clear();
        process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Process p = process;
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.startsWith("EVENT ")) {
                        events.add(line);
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

    boolean alive() {
        return process != null && process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    String ask(String cmd, String answerPrefix, long timeoutMs) {
        return ask(cmd, l -> l.startsWith(answerPrefix), timeoutMs);
    }

    synchronized String ask(String cmd, java.util.function.Predicate<String> answer, long timeoutMs) {
        try {
            lines.removeIf(answer);
            stdin.write(cmd + "\n");
            stdin.flush();
            long end = System.currentTimeMillis() + timeoutMs;
            while (System.currentTimeMillis() < end) {
                String l = lines.poll(100, TimeUnit.MILLISECONDS);
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

    /** The parsed STATUS line, or an empty map if the process does not answer. */
    Map<String, String> status() {
        Map<String, String> m = new TreeMap<>();
        String l = ask("status", "STATUS ", 5_000);
        if (l == null) {
            return m;
        }
        for (String kv : l.substring(7).split(" ")) {
            int i = kv.indexOf('=');
            m.put(kv.substring(0, i), kv.substring(i + 1));
        }
        return m;
    }

    /** Adds a resource through this node; returns the ADDED/FAILED line. */
    String add(String id) {
        return ask("add " + id, l -> l.startsWith("ADDED " + id + " ") || l.startsWith("FAILED " + id + " "),
                40_000);
    }

    void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    void signal(String sig) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-" + sig, Long.toString(process.pid())).start().waitFor(5, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            try {
                signal("CONT");
            } catch (IOException e) {
                // ignore
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process.destroyForcibly();
        }
    }

    /** A free-looking base port with {@code count} free ports above it (and their FD_SOCK2 twins +100). */
    static int freePorts(int count) {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base = 20_000 + ThreadLocalRandom.current().nextInt(30_000);
            boolean ok = true;
            for (int i = 0; i < count && ok; i++) {
                ok = free(base + i) && free(base + 100 + i);
            }
            if (ok) {
                return base;
            }
        }
        throw new IllegalStateException("no free ports found");
    }

    private static boolean free(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static List<ClusterProcess> cluster(String cluster, Path dir, int count) {
        int base = freePorts(count + 2);
        List<String> names = List.of(SimCluster.names(count));
        List<ClusterProcess> ps = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ps.add(new ClusterProcess(cluster, names.get(i), dir.resolve(names.get(i)), names, base + i,
                    "127.0.0.1[" + base + "]"));
        }
        return ps;
    }
}
