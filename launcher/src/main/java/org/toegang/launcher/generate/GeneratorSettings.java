package org.toegang.launcher.generate;

/**
 * How much to generate.
 *
 * @param people how many people (each with one work relation)
 * @param organisations how many organisations, spread evenly over GID, LB, OV, EA and VER
 * @param applications how many applications
 * @param rightsPerApplication rights each application defines
 * @param grantsPerPerson grants each person holds
 * @param peoplePerDelegation one person in this many is a local administrator of their organisation
 * @param seed the same seed gives the same directory
 */
public record GeneratorSettings(long people, int organisations, int applications, int rightsPerApplication,
                                int grantsPerPerson, int peoplePerDelegation, long seed) {
    public GeneratorSettings {
        requireAtLeast("--people", people, 1);
        requireAtLeast("--organisations", organisations, 1);
        requireAtLeast("--applications", applications, 1);
        requireAtLeast("--rights-per-application", rightsPerApplication, 1);
        requireAtLeast("--grants-per-person", grantsPerPerson, 0);
        requireAtLeast("--people-per-delegation", peoplePerDelegation, 1);
        if (organisations > 5 * 800_000) {
            throw new IllegalArgumentException("--organisations must be at most 4000000 (OVO codes run out), was "
                    + organisations);
        }
    }

    private static void requireAtLeast(String option, long value, long least) {
        if (value < least) {
            throw new IllegalArgumentException(option + " must be at least " + least + ", was " + value);
        }
    }
}
