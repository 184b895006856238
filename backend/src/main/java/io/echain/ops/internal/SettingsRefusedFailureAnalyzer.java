package io.echain.ops.internal;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints the refused settings as a list, one variable per line, instead of a stack trace. */
class SettingsRefusedFailureAnalyzer extends AbstractFailureAnalyzer<SettingsCheck.SettingsRefused> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SettingsCheck.SettingsRefused cause) {
        return new FailureAnalysis(
                "The configuration cannot work:\n  - " + String.join("\n  - ", cause.problems()),
                "Set the variables named above (.env.example describes each one) and start again.",
                cause);
    }
}
