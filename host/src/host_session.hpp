// The host as the browser sees it: read frames, answer each request, exit at end of input.
#pragma once
#include <filesystem>
#include <string>

namespace notrain {

// Serves requests until stdin ends; returns the process exit status.
int serve_browser(int in_fd, int out_fd, const std::filesystem::path& database);

// Tells an extension that is not NoTrain that it may not use this host (error 1004).
int refuse_caller(int out_fd, const std::string& caller);

}  // namespace notrain
