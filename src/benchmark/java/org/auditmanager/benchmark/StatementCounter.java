package org.auditmanager.benchmark;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the SQL statements the calling thread sends through the application's DataSource, at the JDBC level:
 * every {@code execute*} call of a Statement/PreparedStatement counts one, a batch counts one per
 * {@code addBatch}. Only the thread between {@link #start()} and {@link #stop()} is counted, so the job
 * executor's polling in other threads never lands in a figure. The SQL text and the time each execution took
 * (not counting the reading of its rows) are kept too, for profiling.
 */
final class StatementCounter {

    /** What one thread sent while counting. */
    static final class Tally {
        long statements;
        final Map<String, Integer> bySql = new HashMap<>();
        final Map<String, Long> nanosBySql = new HashMap<>();

        void add(String sql, int count, long nanos) {
            statements += count;
            String key = sql == null ? "?" : sql.replaceAll("\\s+", " ").strip();
            bySql.merge(key, count, Integer::sum);
            nanosBySql.merge(key, nanos, Long::sum);
        }
    }

    private static final ThreadLocal<Tally> CURRENT = new ThreadLocal<>();

    private StatementCounter() {
    }

    static void start() {
        CURRENT.set(new Tally());
    }

    static Tally stop() {
        Tally tally = CURRENT.get();
        CURRENT.remove();
        return tally;
    }

    private static void record(String sql, int count, long nanos) {
        Tally tally = CURRENT.get();
        if (tally != null) {
            tally.add(sql, count, nanos);
        }
    }

    static DataSource wrap(DataSource target) {
        return new DelegatingDataSource(target) {
            @Override
            public Connection getConnection() throws SQLException {
                return connection(super.getConnection());
            }

            @Override
            public Connection getConnection(String username, String password) throws SQLException {
                return connection(super.getConnection(username, password));
            }
        };
    }

    private static Connection connection(Connection target) {
        return (Connection) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    Object result = invoke(target, method, args);
                    return switch (method.getName()) {
                        case "prepareStatement" -> statement(result, PreparedStatement.class, (String) args[0]);
                        case "prepareCall" -> statement(result, CallableStatement.class, (String) args[0]);
                        case "createStatement" -> statement(result, Statement.class, null);
                        default -> result;
                    };
                });
    }

    private static Object statement(Object target, Class<?> type, String preparedSql) {
        int[] batched = {0};
        String[] lastBatchSql = {preparedSql};
        InvocationHandler handler = (proxy, method, args) -> {
            String name = method.getName();
            if (name.equals("addBatch")) {
                batched[0]++;
                if (args != null && args.length == 1) {
                    lastBatchSql[0] = (String) args[0];
                }
            } else if (name.equals("clearBatch")) {
                batched[0] = 0;
            } else if (name.equals("executeBatch") || name.equals("executeLargeBatch")) {
                long start = System.nanoTime();
                Object result = invoke(target, method, args);
                record(lastBatchSql[0], batched[0], System.nanoTime() - start);
                batched[0] = 0;
                return result;
            } else if (name.startsWith("execute")) {
                long start = System.nanoTime();
                Object result = invoke(target, method, args);
                record(args != null && args.length > 0 && args[0] instanceof String sql ? sql : preparedSql, 1,
                        System.nanoTime() - start);
                return result;
            }
            return invoke(target, method, args);
        };
        return Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {type}, handler);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
