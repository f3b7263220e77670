f = open('/etc/passwd')
