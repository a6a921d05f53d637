package org.hoptac.neo4j;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.common.DependencyResolver;
import org.neo4j.internal.kernel.api.exceptions.ProcedureException;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.api.procedure.GlobalProcedures;
import org.neo4j.kernel.impl.transaction.log.checkpoint.CheckPointer;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * hoptac's local Neo4j: an embedded Neo4j Community DBMS with Bolt on 127.0.0.1 and auth off.
 *
 * <p>Protocol with the process that starts it (see src/graph/local-neo4j.ts):
 * <ul>
 *   <li>stdout carries exactly one line, {@code hoptac-neo4j ready bolt://127.0.0.1:PORT}, once Bolt
 *       accepts connections; everything else goes to stderr as {@code hoptac-neo4j: ...} lines.</li>
 *   <li>Exit codes: 0 clean stop, 2 bad arguments, 3 data directory in use by another process,
 *       4 port in use, 5 not ready in time, 1 anything else.</li>
 *   <li>{@code --watch-stdin}: stop when stdin reaches end of file, so that the JVM never outlives its
 *       parent even when the parent is killed with SIGKILL (the kernel closes the pipe).
 *       {@code --parent-pid N}: also stop when process N is gone.</li>
 * </ul>
 * SIGTERM and SIGINT shut the DBMS down cleanly through a shutdown hook.
 */
public final class LocalNeo4j {
    static final int EXIT_USAGE = 2;
    static final int EXIT_STORE_LOCKED = 3;
    static final int EXIT_PORT_IN_USE = 4;
    static final int EXIT_NOT_READY = 5;
    static final int EXIT_FAILED = 1;

    private static final PrintStream ERR = new PrintStream(System.err, true, StandardCharsets.UTF_8);

    private LocalNeo4j() {}

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            log(e.getMessage());
            log("usage: java @jvm.options -jar hoptac-neo4j.jar --data DIR [--port 7687]"
                    + " [--page-cache 128m] [--ready-timeout-seconds 120] [--watch-stdin] [--parent-pid PID]");
            System.exit(EXIT_USAGE);
            return;
        }

        AtomicReference<DatabaseManagementService> running = new AtomicReference<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(running), "hoptac-neo4j-shutdown"));
        if (options.watchStdin()) {
            watchStdin(System.in);
        }
        if (options.parentPid() > 0) {
            watchParent(options.parentPid());
        }

        try {
            Files.createDirectories(options.data());
            if (isStoreLocked(options.data())) {
                log(describeFailure(EXIT_STORE_LOCKED, null, options));
                System.exit(EXIT_STORE_LOCKED);
                return;
            }
            if (!isPortFree(options.port())) {
                log(describeFailure(EXIT_PORT_IN_USE, null, options));
                System.exit(EXIT_PORT_IN_USE);
                return;
            }
            DatabaseManagementService service = build(options);
            running.set(service);
            GraphDatabaseService db = service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.readyTimeoutSeconds());
            if (!db.isAvailable(TimeUnit.SECONDS.toMillis(options.readyTimeoutSeconds()))
                    || !awaitBolt(options.port(), deadline)) {
                log("Neo4j did not become ready within " + options.readyTimeoutSeconds() + " s");
                System.exit(EXIT_NOT_READY);
                return;
            }
            registerCheckpoint((GraphDatabaseAPI) db);
        } catch (Throwable e) {
            int code = exitCodeFor(e);
            log(describeFailure(code, e, options));
            System.exit(code);
            return;
        }

        System.out.println("hoptac-neo4j ready bolt://127.0.0.1:" + options.port());
        System.out.flush();
        // The DBMS runs on its own non-daemon threads; main has nothing more to do.
    }

    /** Makes {@code CALL hoptac.checkpoint()} available (see {@link CheckpointProcedure}). */
    private static void registerCheckpoint(GraphDatabaseAPI db) throws ProcedureException {
        DependencyResolver dependencies = db.getDependencyResolver();
        CheckpointProcedure.checkPointer = dependencies.resolveDependency(CheckPointer.class);
        dependencies.resolveDependency(GlobalProcedures.class).registerProcedure(CheckpointProcedure.class);
    }

    private static DatabaseManagementService build(Options options) {
        return new DatabaseManagementServiceBuilder(options.data())
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", options.port()))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(BoltConnector.server_bolt_telemetry_enabled, false)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, options.pageCacheBytes())
                // A development store: do not reserve hundreds of MiB of transaction log up front.
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "2 files")
                .build();
    }

    /**
     * Neo4j itself refuses a store another process holds, but only after seconds of start-up work;
     * probing its lock file first makes the common mistake (a second start on one directory) fail fast.
     */
    private static boolean isStoreLocked(Path home) throws IOException {
        Path lockFile = home.resolve("data").resolve("databases").resolve("store_lock");
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        }
    }

    /** Same idea as {@link #isStoreLocked}: a taken port is otherwise reported only after the store is up. */
    private static boolean isPortFree(int port) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress("127.0.0.1", port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void stop(AtomicReference<DatabaseManagementService> running) {
        DatabaseManagementService service = running.getAndSet(null);
        if (service == null) {
            return;
        }
        log("shutting down");
        try {
            service.shutdown();
            log("stopped");
        } catch (Throwable e) {
            log("shutdown failed: " + e);
        }
    }

    /** Bolt listens a moment after the default database is available; connect until it answers. */
    private static boolean awaitBolt(int port, long deadlineNanos) throws InterruptedException {
        while (System.nanoTime() < deadlineNanos) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                return true;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        return false;
    }

    private static void watchStdin(InputStream in) {
        Thread watcher = new Thread(() -> {
            byte[] buffer = new byte[256];
            try {
                while (in.read(buffer) >= 0) {
                    // Input is ignored; only its end matters.
                }
            } catch (IOException e) {
                // A broken pipe means the same as end of file.
            }
            log("stdin closed (parent gone); stopping");
            System.exit(0);
        }, "hoptac-neo4j-stdin-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static void watchParent(long parentPid) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "hoptac-neo4j-parent-watch");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleAtFixedRate(() -> {
            boolean alive = ProcessHandle.of(parentPid).map(ProcessHandle::isAlive).orElse(false);
            if (!alive) {
                log("parent process " + parentPid + " is gone; stopping");
                System.exit(0);
            }
        }, 1, 1, TimeUnit.SECONDS);
    }

    private static int exitCodeFor(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            String name = cause.getClass().getSimpleName();
            if (name.equals("FileLockException")) {
                return EXIT_STORE_LOCKED;
            }
            if (name.equals("PortBindException") || cause instanceof java.net.BindException) {
                return EXIT_PORT_IN_USE;
            }
        }
        return EXIT_FAILED;
    }

    private static String describeFailure(int code, Throwable error, Options options) {
        return switch (code) {
            case EXIT_STORE_LOCKED -> "data directory " + options.data().toAbsolutePath()
                    + " is in use by another Neo4j process; stop it or choose another directory";
            case EXIT_PORT_IN_USE -> "port " + options.port() + " on 127.0.0.1 is already in use; choose another port";
            default -> "failed to start: " + rootMessage(error);
        };
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == error ? String.valueOf(error) : error + " (cause: " + root + ")";
    }

    static void log(String message) {
        ERR.println("hoptac-neo4j: " + message);
    }

    record Options(Path data, int port, long pageCacheBytes, int readyTimeoutSeconds, boolean watchStdin,
            long parentPid) {
        static Options parse(String[] args) {
            Path data = null;
            int port = 7687;
            long pageCache = ByteUnit.mebiBytes(128);
            int readyTimeout = 120;
            boolean watchStdin = false;
            long parentPid = 0;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--data" -> data = Path.of(valueAfter(args, ++i, arg));
                    case "--port" -> port = parseInt(valueAfter(args, ++i, arg), arg, 1, 65535);
                    case "--page-cache" -> pageCache = parseBytes(valueAfter(args, ++i, arg));
                    case "--ready-timeout-seconds" -> readyTimeout = parseInt(valueAfter(args, ++i, arg), arg, 1, 3600);
                    case "--watch-stdin" -> watchStdin = true;
                    case "--parent-pid" -> parentPid = parseInt(valueAfter(args, ++i, arg), arg, 1, Integer.MAX_VALUE);
                    default -> throw new IllegalArgumentException("unknown argument: " + arg);
                }
            }
            if (data == null) {
                throw new IllegalArgumentException("--data DIR is required");
            }
            return new Options(data, port, pageCache, readyTimeout, watchStdin, parentPid);
        }

        private static String valueAfter(String[] args, int index, String flag) {
            if (index >= args.length) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            return args[index];
        }

        private static int parseInt(String value, String flag, int min, int max) {
            try {
                int parsed = Integer.parseInt(value);
                if (parsed < min || parsed > max) {
                    throw new NumberFormatException();
                }
                return parsed;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(flag + " expects a whole number from " + min + " to " + max
                        + ", got '" + value + "'");
            }
        }

        private static long parseBytes(String value) {
            String lower = value.trim().toLowerCase();
            long factor = 1;
            if (lower.endsWith("k")) {
                factor = ByteUnit.kibiBytes(1);
            } else if (lower.endsWith("m")) {
                factor = ByteUnit.mebiBytes(1);
            } else if (lower.endsWith("g")) {
                factor = ByteUnit.gibiBytes(1);
            }
            String digits = factor == 1 ? lower : lower.substring(0, lower.length() - 1);
            try {
                return Long.parseLong(digits) * factor;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--page-cache expects a size such as 128m, got '" + value + "'");
            }
        }
    }
}
