// libFuzzer target: the CIFAR-10 binary batch reader (plain or gzip), one file and the same file twice.
#include "FuzzFile.h"
#include "ImageFiles.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string path = aedyn::fuzz::writeScratch("data_batch_1.bin", data, size);
    try {
        const aedyn::ImageSet s = aedyn::readCifarBatches({path, path}, 0);
        if (s.pixels.size() != std::size_t(s.count) * 1024 || s.rows != 32 || s.cols != 32)
            __builtin_trap();
        aedyn::readCifarBatches({path}, 1);
    } catch (const aedyn::ImageFileError&) {
    }
    return 0;
}
