#ifndef QUALIFY_CLIBXML2_SHIM_H
#define QUALIFY_CLIBXML2_SHIM_H

// libxml2's ICU types clash with Foundation's in a clean debug build ("'UErrorCode' has
// different definitions in different modules"), so ICU support is hidden before any other header.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlIO.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlregexp.h>

// memchr, for finding line ends (ColumnFinder).
#include <string.h>

// xmlFree is a mutable C global, which Swift 6 refuses as not concurrency-safe.
static inline void qualify_xml_free(void *pointer) { xmlFree(pointer); }

// Installed once: any external entity or schema import is answered with nothing, never fetched.
static inline void qualify_install_no_network_loader(void) {
    xmlSetExternalEntityLoader(xmlNoNetExternalEntityLoader);
}

// Swallows libxml2's default printing to stderr; errors are collected through structured callbacks.
static void qualify_silent_generic(void *ctx, const char *msg, ...) { (void)ctx; (void)msg; }
static inline void qualify_silence_generic_errors(void) {
    xmlSetGenericErrorFunc(NULL, qualify_silent_generic);
}

#endif
