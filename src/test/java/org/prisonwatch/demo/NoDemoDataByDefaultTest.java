package org.prisonwatch.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.prisonwatch.support.Database;

@QuarkusTest
class NoDemoDataByDefaultTest {

    @Inject
    Database db;

    @Test
    void withoutTheFlagNoSeedRecordIsLoaded() {
        assertEquals(0, db.count("select count(*) from prison where name in ('Banmaw Prison', 'Myitkyina Prison')"));
        assertEquals(0, db.count("select count(*) from source where name = 'Political Prisoners Network Myanmar'"));
    }
}
