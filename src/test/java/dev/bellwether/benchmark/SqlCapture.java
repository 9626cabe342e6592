package dev.bellwether.benchmark;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * "The raw SQL of the same query", taken from the application itself: the benchmark's
 * application context hands out its {@link DataSource} through a thin proxy that, only
 * while capturing, records each statement read (its SQL, and every {@code set…} call on
 * it, parameters and fetch size included) as the services run it for one request; the
 * baseline then runs exactly those statements over JDBC, in one read-only transaction,
 * reading every column of every row. Statements the trivial endpoint runs too
 * (authentication) are left out of the baseline, as the target adds the trivial
 * endpoint's p95 anyway; writes (the usage event) are not replayed. When not capturing,
 * the proxy only forwards each call (the same for the HTTP calls and the baselines).
 */
final class SqlCapture {

	/** One statement as the application ran it. */
	record Captured(String sql, List<Call> calls) {
	}

	/** A {@code set…} call on the statement. */
	record Call(Method method, Object[] args) {
	}

	private static volatile List<Captured> capturing;

	private SqlCapture() {
	}

	/** Wraps the context's data source in the capturing proxy. */
	static void install(ConfigurableApplicationContext context) {
		context.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				if (bean instanceof DataSource dataSource && !Proxy.isProxyClass(bean.getClass())) {
					return proxy(DataSource.class, dataSource, SqlCapture::dataSource);
				}
				return bean;
			}
		});
	}

	/**
	 * Runs the work once and returns the read statements it ran (of every thread: run
	 * nothing else meanwhile).
	 */
	static synchronized List<Captured> capture(LoadDriver.Call work) throws Exception {
		List<Captured> captured = new CopyOnWriteArrayList<>();
		capturing = captured;
		try {
			work.run(0);
		}
		finally {
			capturing = null;
		}
		return List.copyOf(captured);
	}

	/**
	 * @return the statements of {@code scenario} whose SQL the trivial endpoint does not
	 * run too
	 */
	static List<Captured> without(List<Captured> scenario, Collection<Captured> trivial) {
		Set<String> common = new java.util.HashSet<>();
		trivial.forEach(c -> common.add(c.sql()));
		List<Captured> kept = scenario.stream().filter(c -> !common.contains(c.sql())).toList();
		if (kept.isEmpty()) {
			throw new IllegalStateException("Captured no SQL of its own");
		}
		return kept;
	}

	/**
	 * Runs the statements again, as captured, in one read-only transaction.
	 * @return rows read
	 */
	static long replay(DataSource dataSource, List<Captured> statements) throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			connection.setReadOnly(true);
			try {
				return replay(connection, statements);
			}
			finally {
				connection.rollback();
				connection.setReadOnly(false);
				connection.setAutoCommit(true);
			}
		}
	}

	/**
	 * Runs the statements again, as captured, in the caller's transaction (a write's
	 * reads, before its writes).
	 * @return rows read
	 */
	static long replayIn(Connection connection, List<Captured> statements) throws SQLException {
		return replay(connection, statements);
	}

	private static long replay(Connection connection, List<Captured> statements) throws SQLException {
		long rows = 0;
		for (Captured captured : statements) {
			try (PreparedStatement statement = connection.prepareStatement(captured.sql())) {
				for (Call call : captured.calls()) {
					call.method().invoke(statement, call.args());
				}
				if (statement.execute()) {
					try (ResultSet rs = statement.getResultSet()) {
						int columns = rs.getMetaData().getColumnCount();
						while (rs.next()) {
							for (int c = 1; c <= columns; c++) {
								rs.getObject(c);
							}
							rows++;
						}
					}
				}
			}
			catch (IllegalAccessException | InvocationTargetException ex) {
				throw new SQLException("Could not set a parameter of " + captured.sql(), ex);
			}
		}
		return rows;
	}

	/**
	 * Each statement's plan as it runs ({@code EXPLAIN (ANALYZE, BUFFERS)}, the captured
	 * parameters bound), in one read-only transaction.
	 */
	static String explain(DataSource dataSource, List<Captured> statements) throws SQLException {
		StringBuilder plans = new StringBuilder();
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			connection.setReadOnly(true);
			try {
				for (String setting : List.of("jit = default", "jit = off", "plan_cache_mode = force_custom_plan")) {
					try (Statement set = connection.createStatement()) {
						set.execute("reset all");
						set.execute("set " + setting);
					}
					for (Captured captured : statements) {
						// one after the other on one connection: the driver prepares on
						// the server from the 5th, where the plan may become a generic
						// one
						plans.append(setting).append(": 12 runs, ms:");
						for (int run = 0; run < 12; run++) {
							long started = System.nanoTime();
							replay(connection, List.of(captured));
							plans.append(String.format(Locale.ROOT, " %.1f", (System.nanoTime() - started) / 1e6));
						}
						plans.append("\n\n");
					}
				}
				try (Statement set = connection.createStatement()) {
					set.execute("reset all");
				}
				for (Captured captured : statements) {
					{
						String sql = captured.sql().replaceAll("\\s+", " ").strip();
						plans.append("```sql\n")
							.append(sql.replaceAll("(\\?, ){8,}\\?", "?, …, ?"))
							.append("\n```\n```\n");
						try (PreparedStatement statement = connection
							.prepareStatement("explain (analyze, buffers) " + captured.sql())) {
							for (Call call : captured.calls()) {
								call.method().invoke(statement, call.args());
							}
							try (ResultSet rs = statement.executeQuery()) {
								while (rs.next()) {
									plans.append(rs.getString(1)).append('\n');
								}
							}
						}
						catch (IllegalAccessException | InvocationTargetException ex) {
							throw new SQLException("Could not set a parameter of " + captured.sql(), ex);
						}
						plans.append("```\n\n");
					}
				}
			}
			finally {
				connection.rollback();
				connection.setReadOnly(false);
				connection.setAutoCommit(true);
			}
		}
		return plans.toString();
	}

	/** How the captured statements read, for the report. */
	static String describe(List<Captured> statements) {
		return statements.size() + " statement" + (statements.size() == 1 ? "" : "s");
	}

	private static Object dataSource(Object target, Method method, Object[] args) throws Throwable {
		Object result = invoke(target, method, args);
		if (result instanceof Connection connection && method.getName().equals("getConnection")) {
			return proxy(Connection.class, connection, SqlCapture::connection);
		}
		return result;
	}

	private static Object connection(Object target, Method method, Object[] args) throws Throwable {
		Object result = invoke(target, method, args);
		List<Captured> into = capturing;
		if (into != null && result instanceof PreparedStatement statement && method.getName().equals("prepareStatement")
				&& isRead((String) args[0])) {
			Recording recording = new Recording((String) args[0], into);
			return proxy(PreparedStatement.class, statement, (t, m, a) -> recording.on((PreparedStatement) t, m, a));
		}
		return result;
	}

	private static boolean isRead(String sql) {
		String start = sql.stripLeading().toLowerCase(Locale.ROOT);
		return start.startsWith("select") || start.startsWith("with") || start.startsWith("(select")
				|| start.startsWith("set local");
	}

	/** The {@code set…} calls made on one statement until it runs. */
	private static final class Recording {

		private final String sql;

		private final List<Captured> into;

		private final List<Call> calls = new ArrayList<>();

		Recording(String sql, List<Captured> into) {
			this.sql = sql;
			this.into = into;
		}

		Object on(PreparedStatement target, Method method, Object[] args) throws Throwable {
			String name = method.getName();
			if (name.startsWith("set") && args != null && !name.equals("setCursorName")) {
				this.calls.add(new Call(method, args.clone()));
			}
			else if (name.equals("clearParameters")) {
				this.calls.clear();
			}
			else if ((name.equals("executeQuery") || name.equals("execute") || name.equals("executeUpdate"))
					&& (args == null || args.length == 0)) {
				this.into.add(new Captured(this.sql, List.copyOf(this.calls)));
			}
			return invoke(target, method, args);
		}

	}

	private interface Handler {

		Object handle(Object target, Method method, Object[] args) throws Throwable;

	}

	@SuppressWarnings("unchecked")
	private static <T> T proxy(Class<T> type, T target, Handler handler) {
		InvocationHandler invocation = (proxy, method, args) -> {
			if (method.getName().equals("unwrap") && args != null && args[0] instanceof Class<?> wanted
					&& wanted.isInstance(target)) {
				return target;
			}
			if (method.getName().equals("isWrapperFor") && args != null && args[0] instanceof Class<?> wanted
					&& wanted.isInstance(target)) {
				return true;
			}
			return handler.handle(target, method, args);
		};
		Class<?>[] types = (target instanceof java.io.Closeable) ? new Class<?>[] { type, java.io.Closeable.class }
				: new Class<?>[] { type };
		return (T) Proxy.newProxyInstance(SqlCapture.class.getClassLoader(), types, invocation);
	}

	private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

}
