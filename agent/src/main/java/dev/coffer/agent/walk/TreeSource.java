package dev.coffer.agent.walk;

import dev.coffer.repo.file.Tree;
import dev.coffer.repo.model.Id;
import java.io.IOException;

/** Loads decoded trees by id. Implementations are thread-safe. */
@FunctionalInterface
public interface TreeSource {
    /**
     * The tree blob with this id, decoded.
     *
     * @throws dev.coffer.repo.model.CorruptDataException if it is missing or does not verify
     */
    Tree load(Id id) throws IOException;
}
