package dev.errortracking.sample.post;

import dev.errortracking.sample.SampleAppTest;

/**
 * The persistence guarantees on the default in-memory H2 database.
 */
@SampleAppTest
class H2PostPersistenceTests extends PostPersistenceTests {

}
