package org.prisonwatch.burmese;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Compiles the Zawgyi converter's rules in the background once the service has started, so that the first
 * reporter to send Zawgyi does not wait for them, and starting does not either.
 */
@ApplicationScoped
class ZawgyiWarmUp {

    void onStart(@Observes StartupEvent event) {
        Thread warmUp = new Thread(Zawgyi::prepare, "zawgyi-warm-up");
        warmUp.setDaemon(true);
        warmUp.setPriority(Thread.MIN_PRIORITY);
        warmUp.start();
    }
}
