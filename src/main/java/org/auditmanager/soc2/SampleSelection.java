package org.auditmanager.soc2;

import java.util.List;

/**
 * The drawn sample and everything needed to draw it again: the same request, spread and seed give the same items.
 *
 * @param population number of units the sample was drawn from (days, weeks, months, quarters, years or items)
 * @param items      the selected units in population order
 */
public record SampleSelection(SampleRequest request, SampleSpread spread, long seed, int population,
                              List<SampleItem> items) {

    public SampleSelection {
        items = List.copyOf(items);
    }
}
