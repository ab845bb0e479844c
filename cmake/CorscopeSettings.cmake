# One INTERFACE target carries the warnings and the Qt string-safety defines; every target links it.
add_library(corscope_settings INTERFACE)
target_compile_options(corscope_settings INTERFACE -Wall -Wextra -pedantic -Wshadow -Wnon-virtual-dtor)
if(CORSCOPE_WERROR)
    target_compile_options(corscope_settings INTERFACE -Werror)
endif()
target_compile_definitions(corscope_settings INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_CAST_FROM_BYTEARRAY
    QT_USE_QSTRINGBUILDER
    QT_NO_KEYWORDS
    CORSCOPE_VERSION="${PROJECT_VERSION}")
target_include_directories(corscope_settings INTERFACE ${PROJECT_SOURCE_DIR}/src)
if(CORSCOPE_SANITIZE)
    target_compile_options(corscope_settings INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer
                           -fno-sanitize-recover=undefined)
    target_link_options(corscope_settings INTERFACE -fsanitize=address,undefined)
endif()

# corscope_add_test(NAME tst_origin SOURCES tst_origin.cpp LIBS corscope_core)
function(corscope_add_test)
    cmake_parse_arguments(T "" "NAME;TIMEOUT" "SOURCES;LIBS;LABELS" ${ARGN})
    add_executable(${T_NAME} ${T_SOURCES})
    target_link_libraries(${T_NAME} PRIVATE ${T_LIBS} Qt6::Test corscope_settings)
    add_test(NAME ${T_NAME} COMMAND ${T_NAME})
    if(NOT T_TIMEOUT)
        set(T_TIMEOUT 120)
    endif()
    set_tests_properties(${T_NAME} PROPERTIES
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;QT_LOGGING_RULES=qt.network.ssl.warning=false"
        TIMEOUT ${T_TIMEOUT}
        LABELS "${T_LABELS}")
endfunction()
