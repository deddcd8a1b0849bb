package org.prisonwatch.storage;

import io.quarkus.scheduler.Scheduled;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * Whether the service is up: a scheduled job asks before it touches the database, since a trigger can fire while
 * the service starts or stops. Asked inside the job rather than through {@code skipExecutionIf}: the scheduler
 * fires an event for every run it skips, and once the container is stopping that event fails and is logged as an
 * error, on a clean stop that happens to race a trigger (FirstStartIT caught one).
 */
@Singleton
public class ServiceRunning {

    @Inject
    Scheduled.ApplicationNotRunning notRunning;

    public boolean now() {
        return !notRunning.test(null);
    }
}
