package org.hoptac.neo4j;

import java.io.IOException;
import java.util.stream.Stream;

import org.neo4j.kernel.impl.transaction.log.checkpoint.CheckPointer;
import org.neo4j.kernel.impl.transaction.log.checkpoint.SimpleTriggerInfo;
import org.neo4j.procedure.Description;
import org.neo4j.procedure.Mode;
import org.neo4j.procedure.Procedure;

/**
 * {@code CALL hoptac.checkpoint()}: writes every committed change of the database to its store
 * files now, as Neo4j Enterprise's {@code db.checkpoint()} does (Community has none). The benchmark
 * calls it after a load so that no later measurement runs while Neo4j flushes that load in the
 * background (the scheduled checkpoint comes every 15 minutes).
 */
public final class CheckpointProcedure {
    /** The checkpointer of the launcher's one database, set once it is available. */
    static volatile CheckPointer checkPointer;

    /** One row: the id of the last transaction the checkpoint covers. */
    public static final class Checkpointed {
        public final long transactionId;

        Checkpointed(long transactionId) {
            this.transactionId = transactionId;
        }
    }

    @Procedure(name = "hoptac.checkpoint", mode = Mode.DBMS)
    @Description("Writes every committed change to the store files now (a checkpoint).")
    public Stream<Checkpointed> checkpoint() throws IOException {
        CheckPointer current = checkPointer;
        if (current == null) {
            throw new IllegalStateException("the database is not available yet");
        }
        return Stream.of(new Checkpointed(current.forceCheckPoint(new SimpleTriggerInfo("hoptac.checkpoint"))));
    }
}
