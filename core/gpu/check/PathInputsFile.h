#pragma once
// The compiled inputs of a portfolio as `computeledger bench --write-inputs` writes them (JSON: the
// fields of engine/PathArrays.h by name, every array flat), read back into owned arrays, so that a
// machine without the app (a bare CUDA image) runs the very paths the app would.
#include "engine/PathInputs.h"

#include <string>
#include <vector>

namespace ledger::gpucheck {

struct PathInputsFile {
    PathInputs inputs; // its pointers point into the vectors below
    std::vector<std::string> alternativeIds;
    PathArrayStorage arrays; // engine/PathArrays.h: every array by the name it is written under

    PathInputsFile() = default;
    PathInputsFile(const PathInputsFile&) = delete; // inputs points into this object
    PathInputsFile& operator=(const PathInputsFile&) = delete;
};

// Reads FILE; throws std::runtime_error naming the file and the field on a problem (a missing field,
// an array of the wrong length).
void readPathInputsFile(const std::string& path, PathInputsFile& out);

} // namespace ledger::gpucheck
