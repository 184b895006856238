package io.echain.shared.internal;

import io.echain.shared.BackgroundWork;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/** Hands the application's observation registry to {@link BackgroundWork}. */
@Component
class BackgroundWorkConfiguration implements InitializingBean {

    private final ObservationRegistry observations;

    BackgroundWorkConfiguration(ObservationRegistry observations) {
        this.observations = observations;
    }

    @Override
    public void afterPropertiesSet() {
        BackgroundWork.use(observations);
    }
}
