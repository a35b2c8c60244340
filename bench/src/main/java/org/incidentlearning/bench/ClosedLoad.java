package org.incidentlearning.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A bounded closed-loop load: {@code concurrency} clients each send one request, wait for its answer, and send the
 * next, until the time is up. It stops itself; the figures count only what was answered within the window.
 */
final class ClosedLoad {

    /** One request of a client: it sends, and returns the HTTP status. */
    interface Client {
        int send(SplittableRandom random, long number);
    }

    record Result(String name, int concurrency, double seconds, long answered, Map<Integer, Long> statuses,
                  Latencies latencies) {

        long succeeded() {
            return statuses.entrySet().stream().filter(e -> e.getKey() / 100 == 2).mapToLong(Map.Entry::getValue)
                    .sum();
        }

        double perSecond() {
            return succeeded() / seconds;
        }
    }

    private ClosedLoad() {
    }

    static Result run(String name, int concurrency, Duration duration, long seed, Client client)
            throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        List<Worker> workers = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            workers.add(new Worker(client, new SplittableRandom(seed + i), (long) i << 32, stop));
        }
        long start = System.nanoTime();
        workers.forEach(Thread::start);
        Thread.sleep(duration.toMillis());
        stop.set(true);
        for (Worker worker : workers) {
            worker.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Latencies latencies = new Latencies();
        Map<Integer, Long> statuses = new TreeMap<>();
        long answered = 0;
        for (Worker worker : workers) {
            latencies.addAll(worker.latencies);
            worker.statuses.forEach((status, count) -> statuses.merge(status, count, Long::sum));
            answered += worker.latencies.count();
            if (worker.failure != null) {
                throw new IllegalStateException(name + ": a client failed", worker.failure);
            }
        }
        return new Result(name, concurrency, seconds, answered, statuses, latencies);
    }

    private static final class Worker extends Thread {

        private final Client client;
        private final SplittableRandom random;
        private final long firstNumber;
        private final AtomicBoolean stop;
        private final Latencies latencies = new Latencies();
        private final Map<Integer, Long> statuses = new TreeMap<>();
        private RuntimeException failure;

        Worker(Client client, SplittableRandom random, long firstNumber, AtomicBoolean stop) {
            this.client = client;
            this.random = random;
            this.firstNumber = firstNumber;
            this.stop = stop;
            setDaemon(true);
        }

        @Override
        public void run() {
            try {
                for (long n = firstNumber; !stop.get(); n++) {
                    long sent = System.nanoTime();
                    int status = client.send(random, n);
                    latencies.add(System.nanoTime() - sent);
                    statuses.merge(status, 1L, Long::sum);
                }
            } catch (RuntimeException e) {
                failure = e;
            }
        }
    }
}
