package org.auditmanager.soc2;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A control of the matrix with its test results: the design walkthrough (Type I, and the Type II interim visit)
 * and, for Type II, the sampled test of operating effectiveness with its recorded seed.
 */
public record Soc2Control(UUID id, String reference, String description, ControlFrequency frequency,
                          List<String> criteria, Integer populationSize, String populationSource,
                          TestResult designResult, String designEvidence, LocalDate designDate, String designFlag,
                          Long sampleSeed, Integer sampleSize, TestResult testResult, Integer deviations,
                          String testNotes, String managementResponse, List<Soc2Sample> samples) {

    Soc2Control withSamples(List<Soc2Sample> drawn) {
        return new Soc2Control(id, reference, description, frequency, criteria, populationSize, populationSource,
                designResult, designEvidence, designDate, designFlag, sampleSeed, sampleSize, testResult,
                deviations, testNotes, managementResponse, drawn);
    }
}
