// Typed wrappers for libcurl's variadic calls, which Swift cannot call directly.
// One setter per curl option type, as swift-corelibs-foundation's libcurl wrapper does;
// every function carries the module prefix CCurl_.
#ifndef CCURL_SHIM_H
#define CCURL_SHIM_H

#include <curl/curl.h>
#include <stddef.h>

/// A CURLOPT_WRITEFUNCTION or CURLOPT_HEADERFUNCTION callback.
typedef size_t (*CCurl_data_callback)(char *buffer, size_t size, size_t count, void *context);

/// Initialises libcurl for the whole process (CURL_GLOBAL_ALL). Call it once.
static inline CURLcode CCurl_global_init(void) {
    return curl_global_init(CURL_GLOBAL_ALL);
}

/// Sets an easy handle option whose type is long (CURLOPTTYPE_LONG).
static inline CURLcode CCurl_easy_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

/// Sets an easy handle option whose type is curl_off_t (CURLOPTTYPE_OFF_T).
static inline CURLcode CCurl_easy_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}

/// Sets an easy handle option whose type is a C string (CURLOPTTYPE_STRINGPOINT); libcurl copies it.
static inline CURLcode CCurl_easy_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

/// Sets an easy handle option whose type is a pointer (CURLOPTTYPE_OBJECTPOINT, CURLOPTTYPE_CBPOINT).
static inline CURLcode CCurl_easy_setopt_pointer(CURL *handle, CURLoption option, const void *value) {
    return curl_easy_setopt(handle, option, value);
}

/// Sets an easy handle option whose type is a header list (CURLOPTTYPE_SLISTPOINT).
static inline CURLcode CCurl_easy_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(handle, option, value);
}

/// Sets CURLOPT_WRITEFUNCTION, which receives the response body.
static inline CURLcode CCurl_easy_setopt_write_callback(CURL *handle, CCurl_data_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, callback);
}

/// Sets CURLOPT_HEADERFUNCTION, which receives the status line and each response header line.
static inline CURLcode CCurl_easy_setopt_header_callback(CURL *handle, CCurl_data_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_HEADERFUNCTION, callback);
}

/// Reads an easy handle fact whose type is long (CURLINFO_LONG).
static inline CURLcode CCurl_easy_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}

/// Sets a multi handle option whose type is long.
static inline CURLMcode CCurl_multi_setopt_long(CURLM *handle, CURLMoption option, long value) {
    return curl_multi_setopt(handle, option, value);
}

#endif
