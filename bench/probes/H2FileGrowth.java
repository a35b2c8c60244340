import java.nio.file.*;
import java.sql.*;
import java.util.*;

/**
 * How big an H2 file grows under the service's kind of writes: one commit per statement with WRITE_DELAY=0, an
 * appended 500-byte row and a rewritten document of up to 30 KB per step. Run with H2 on the class path:
 * <pre>
 * java -cp ~/.m2/repository/com/h2database/h2/2.3.232/h2-2.3.232.jar bench/probes/H2FileGrowth.java "" 40
 * java -Dmode=housekeeping -cp ... bench/probes/H2FileGrowth.java "" 120     # H2's housekeeping every 100 ms
 * java -Dmode=compact -Devery=1000 -cp ... bench/probes/H2FileGrowth.java ";RETENTION_TIME=5000" 120
 * </pre>
 * The first argument is appended to the JDBC URL, the second is the duration in seconds. Files go to /tmp/h2bloat.
 */
public class H2FileGrowth {
    public static void main(String[] args) throws Exception {
        String suffix = args[0];
        int seconds = Integer.parseInt(args[1]);
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("/tmp/h2bloat")), "db");
        String url = "jdbc:h2:file:" + dir.resolve("t") + ";WRITE_DELAY=0" + suffix;
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            c.createStatement().execute("CREATE TABLE ev (id BIGINT AUTO_INCREMENT PRIMARY KEY, payload CLOB)");
            c.createStatement().execute("CREATE TABLE doc (id INT PRIMARY KEY, body CLOB)");
            PreparedStatement ev = c.prepareStatement("INSERT INTO ev (payload) VALUES (?)");
            PreparedStatement doc = c.prepareStatement("MERGE INTO doc KEY (id) VALUES (?, ?)");
            Random r = new Random(1);
            Map<Integer, StringBuilder> docs = new HashMap<>();
            org.h2.mvstore.MVStore store = ((org.h2.jdbc.JdbcConnection) c).getSession() instanceof org.h2.engine.SessionLocal sl ? sl.getDatabase().getStore().getMvStore() : null;
            String mode = System.getProperty("mode", "none");
            Thread keeper = new Thread(() -> {
                try {
                    java.lang.reflect.Method m = org.h2.mvstore.FileStore.class.getDeclaredMethod("writeInBackground");
                    m.setAccessible(true);
                    while (!Thread.currentThread().isInterrupted()) {
                        Thread.sleep(Long.getLong("every", 100));
                        if (mode.equals("housekeeping")) m.invoke(store.getFileStore());
                        if (mode.equals("compact")) store.compact(90, 16 << 20);
                    }
                } catch (InterruptedException e) {
                } catch (Exception e) { e.printStackTrace(); }
            });
            keeper.setDaemon(true);
            if (!mode.equals("none")) keeper.start();
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            long n = 0;
            String filler = "x".repeat(500);
            while (System.nanoTime() < end) {
                int id = r.nextInt(2000);
                StringBuilder b = docs.computeIfAbsent(id, k -> new StringBuilder());
                if (b.length() < 30000) b.append(filler);
                ev.setString(1, filler + n);
                ev.executeUpdate();
                doc.setInt(1, id);
                doc.setString(2, b.toString());
                doc.executeUpdate();
                n++;
            }
            keeper.interrupt();
            System.out.printf("fill %d chunksFill %d%n", store.getFillRate(), store.getFileStore().getChunksFillRate());
            System.out.printf("%s: %d commits-pairs in %d s = %.0f/s, file %d MB%n", suffix, n, seconds,
                    n / (double) seconds, Files.size(dir.resolve("t.mv.db")) >> 20);
        }
        System.out.printf("after close: %d MB%n", Files.size(dir.resolve("t.mv.db")) >> 20);
    }
}
