package org.auditmanager;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class AuditManagerApplication {

    public static void main(String[] args) {
        SpringApplication.run(AuditManagerApplication.class, args);
    }
}
