package io.luister.jobs.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

class LocalPostgresSmokeTest {
  @Test
  void startsAndAnswers() throws Exception {
    try (LocalPostgres pg = LocalPostgres.start(); Connection c = pg.connect();
        ResultSet rs = c.createStatement().executeQuery("SELECT 40 + 2")) {
      rs.next();
      assertEquals(42, rs.getInt(1));
    }
  }
}
