package org.convene;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ConveneApplication {

    public static void main(String[] args) {
        SpringApplication.run(ConveneApplication.class, args);
    }
}
