// libFuzzer target: the project-file reader (JSON, every parameter typed by the schema, display options, pins).
// Refusal is a return value with a message; nothing may throw or crash, and an accepted project must save and
// read back to the same parameters.
#include "ProjectFile.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    QString error;
    const auto project =
        projectFromJson(QByteArray(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size)), &error);
    if (!project)
        return 0;
    const auto again = projectFromJson(projectToJson(*project), &error);
    if (!again || aedyn::parameterValues(again->config) != aedyn::parameterValues(project->config))
        std::abort();  // a project that does not survive its own round trip
    return 0;
}
