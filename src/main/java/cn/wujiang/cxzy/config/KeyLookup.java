package cn.wujiang.cxzy.config;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.hibernate.jpa.HibernateHints;
import org.springframework.data.jpa.repository.QueryHints;

import jakarta.persistence.QueryHint;

/**
 * Marks a repository lookup by keys that never change once a row is written (an organization and a
 * phase, a commitment, a round): it runs without flushing the session first.
 * <p>
 * Before every other query Hibernate compares each entity the transaction has loaded with its
 * snapshot, to write what changed. A job that starts the commendation of every leading body loads
 * thousands of entities and makes thousands of lookups, so its time grew with the square of the city
 * (docs/performance.md). A lookup by such keys needs no flush where the database generates the
 * entity's id, so that a new row is inserted when it is saved (where the id is the entity's own, as a
 * quota's, the rows are flushed where they are saved), and where deletes are flushed where they are
 * made (before a re-ranking, a new draft): it sees what its transaction wrote, and an entity it returns
 * that the transaction changed is the changed one ({@code KeyLookupsTest}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@QueryHints(@QueryHint(name = HibernateHints.HINT_FLUSH_MODE, value = "COMMIT"))
public @interface KeyLookup {
}
