package org.incidentlearning.query.rebuild;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A connection on which the projections' own SQL reaches the fresh tables of a rebuild: every statement has each
 * view table's name replaced by its fresh copy's. The handlers thus run unchanged, with the live views untouched
 * until the swap.
 */
final class FreshTableNames {

    static final String SUFFIX = "_rebuild";

    private final Pattern names;

    FreshTableNames(Collection<String> tables) {
        // Whole words only: incident_view must not touch incident_view_team.
        this.names = Pattern.compile("\\b(" + tables.stream().map(Pattern::quote).collect(Collectors.joining("|"))
                                     + ")\\b", Pattern.CASE_INSENSITIVE);
    }

    String fresh(String sql) {
        return names.matcher(sql).replaceAll(match -> Matcher.quoteReplacement(match.group(1) + SUFFIX));
    }

    Connection on(Connection connection) {
        return proxy(Connection.class, connection);
    }

    @SuppressWarnings("unchecked")
    private <T> T proxy(Class<T> type, T target) {
        InvocationHandler handler = (proxy, method, arguments) -> {
            Object[] rewritten = rewrite(method, arguments);
            Object result;
            try {
                result = method.invoke(target, rewritten);
            } catch (InvocationTargetException failure) {
                throw failure.getCause();
            }
            // A plain statement gets its SQL with each call; prepared ones already have theirs.
            if (method.getName().equals("createStatement")) {
                return proxy(Statement.class, (Statement) result);
            }
            return result;
        };
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, handler);
    }

    private Object[] rewrite(Method method, Object[] arguments) {
        if (arguments == null || arguments.length == 0 || !(arguments[0] instanceof String sql)) {
            return arguments;
        }
        String name = method.getName();
        if (name.startsWith("prepare") || name.startsWith("execute") || name.equals("addBatch")
            || name.equals("nativeSQL")) {
            Object[] copy = arguments.clone();
            copy[0] = fresh(sql);
            return copy;
        }
        return arguments;
    }
}
