/* placeholder */ typedef int faulty_vfs_placeholder;
