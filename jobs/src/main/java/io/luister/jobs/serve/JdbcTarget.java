package io.luister.jobs.serve;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Where to publish: a PostgreSQL JDBC URL, an optional user, and a password taken from the environment
 * (LUISTER_PG_PASSWORD, else PGPASSWORD) unless the URL carries one. The password is never printed:
 * {@link #redacted()} is what logs and messages show.
 */
public record JdbcTarget(String url, String user, String password) {
  private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)([?&;]password=)[^&;]*");

  public JdbcTarget {
    if (url == null || !url.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException("--jdbc must be a PostgreSQL JDBC URL such as "
          + "jdbc:postgresql://db.example.com:5432/insights (got " + (url == null ? "nothing" : redact(url)) + ")");
    }
  }

  public static JdbcTarget of(String url, String user, Map<String, String> env) {
    String password = env.get("LUISTER_PG_PASSWORD");
    if (password == null && url != null && !PASSWORD_PARAM.matcher(url).find()) {
      password = env.get("PGPASSWORD");
    }
    return new JdbcTarget(url, user, password);
  }

  public String redacted() {
    return redact(url);
  }

  static String redact(String url) {
    return PASSWORD_PARAM.matcher(url).replaceAll("$1***");
  }

  public Connection connect() throws SQLException {
    Properties props = new Properties();
    if (user != null) {
      props.setProperty("user", user);
    }
    if (password != null) {
      props.setProperty("password", password);
    }
    props.setProperty("ApplicationName", "luister publish");
    return DriverManager.getConnection(url, props);
  }

  @Override
  public String toString() {
    return "JdbcTarget[" + redacted() + (user != null ? ", user " + user : "") + "]";
  }
}
