// libFuzzer target: the IDX image reader (plain and gzip; zlib tells them apart by the content), on the whole file
// and with a maximum count. Only ImageFileError is an expected outcome; anything else (std::bad_alloc from a
// header claiming terabytes, a sanitizer report, a timeout) is a finding.
#include "FuzzFile.h"
#include "ImageFiles.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string path = aedyn::fuzz::writeScratch("images-idx3-ubyte", data, size);
    for (long maxCount : {0L, 3L}) {
        try {
            const aedyn::ImageSet s = aedyn::readIdxImages(path, maxCount);
            if (s.pixels.size() != std::size_t(s.count) * s.rows * s.cols)
                __builtin_trap();
        } catch (const aedyn::ImageFileError&) {
        }
    }
    return 0;
}
