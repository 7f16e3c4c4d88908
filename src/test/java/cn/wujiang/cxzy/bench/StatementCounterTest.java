package cn.wujiang.cxzy.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** The benchmark's count of statements and commits, on an H2 database in memory. */
class StatementCounterTest {

  private final StatementCounter counter = new StatementCounter();
  private final DataSource source = counter.wrap(h2());

  @Test
  void statementsAreCountedByKindAndTableAndCommitsThatWroteApart() throws Exception {
    try (Connection c = source.getConnection()) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.execute("create table item (id int primary key, name varchar(20))");
      }
      try (PreparedStatement insert = c.prepareStatement("insert into item values (?, ?)")) {
        for (int i = 1; i <= 3; i++) {
          insert.setInt(1, i);
          insert.setString(2, "第" + i + "项");
          insert.addBatch();
        }
        insert.executeBatch();
      }
      c.commit();
      try (PreparedStatement select = c.prepareStatement("select name from item where id = ?")) {
        select.setInt(1, 2);
        select.executeQuery().close();
      }
      c.commit();
    }
    assertThat(counter.snapshot()).containsEntry("INSERT ITEM", 3L).containsEntry("SELECT ITEM", 1L)
        .containsEntry(StatementCounter.COMMIT, 2L).containsEntry(StatementCounter.WRITING_COMMIT, 1L);
  }

  @Test
  void aResultSetAndAStatementAnswerTheCountingWrappersTheyCameFrom() throws Exception {
    try (Connection c = source.getConnection();
        PreparedStatement select = c.prepareStatement("select 1");
        ResultSet rs = select.executeQuery()) {
      assertThat(rs.getStatement()).isSameAs(select);
      assertThat(select.getConnection()).isSameAs(c);
    }
  }

  private static DataSource h2() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:counter-" + System.nanoTime());
    h2.setUser("sa");
    return h2;
  }
}
