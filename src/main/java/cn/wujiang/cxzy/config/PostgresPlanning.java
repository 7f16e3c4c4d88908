package cn.wujiang.cxzy.config;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

import com.zaxxer.hikari.HikariDataSource;

/**
 * How PostgreSQL plans the application's statements, set on every connection of the pool.
 *
 * <p>A committee's task list in Tasklist joins its open tasks with their authorizations on
 * {@code RESOURCE_ID_ IN (task, definition, '*')}. Once PostgreSQL has analyzed its tables it
 * estimates a handful of authorization rows where there is one per task (the permission bits
 * {@code PERMS_ & ? = ?} defeat its estimates), keeps them in memory ({@code Materialize}) and compares
 * every task with every one: 2 to 3 seconds for 5,000 open tasks instead of a tenth of a second through
 * the index on {@code RESOURCE_ID_} (docs/performance.md). Without materializing, the index is its
 * cheapest way, for the plans of prepared statements too. Planning every statement for its values
 * instead (the driver's {@code prepareThreshold=0}, or {@code plan_cache_mode = force_custom_plan})
 * also found the index, but made the whole phase 45 to 75 % longer.
 */
@Component
class PostgresPlanning implements BeanPostProcessor {

  static final String SETTINGS = "set enable_material = off";

  @Override
  public Object postProcessBeforeInitialization(Object bean, String beanName) {
    if (bean instanceof HikariDataSource dataSource && dataSource.getJdbcUrl() != null
        && dataSource.getJdbcUrl().startsWith("jdbc:postgresql:") && dataSource.getConnectionInitSql() == null) {
      dataSource.setConnectionInitSql(SETTINGS);
    }
    return bean;
  }
}
